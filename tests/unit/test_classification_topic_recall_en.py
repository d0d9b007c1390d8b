"""English recall of delivery_delay, product_quality and praise (lexicons/topics.py), issue #21.

Realistic English shop reviews (typos, colloquial forms, UK and US spellings, no apostrophes),
written for issue #21 independently of the frozen, blind, dev and multilingual evaluation sets
(not read). Each case names the review's main topic, which must be among the topics found, and
gets none of the "high" severity reasons. Controls name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 27 of these 52 passed (delivery_delay 5 of 16, product_quality
# 10 of 16, praise 5 of 12, controls 7 of 8).
CASES_A = [
    # delivery_delay
    ("Three weeks and my order still hasnt turned up.", 1, "delivery_delay", ()),
    ("Parcel has been sat in the depot for 10 days, no movement.", 1, "delivery_delay", ()),
    ("Promised delivery by friday, its now the following wednesday.", 2, "delivery_delay", ()),
    ("Waited nearly a month for a phone case. Unacceptable.", 1, "delivery_delay", ()),
    ("Delivery was really slow, over two weeks for a small item.", 2, "delivery_delay", ()),
    ("It took them 12 days just to dispatch it.", 2, "delivery_delay", ()),
    ("Tracking has said out for delivery for 4 days now.", 1, "delivery_delay", ()),
    (
        "Courier keeps saying theres been a delay at the hub. Still nothing.",
        1,
        "delivery_delay",
        (),
    ),
    ("My parcel is lost somewhere, the tracking just stopped.", 1, "delivery_delay", ()),
    (
        "Missed my daughters birthday because the present turned up a week late.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Still not here after 20 days. Dont order from here if you need it quick.",
        1,
        "delivery_delay",
        (),
    ),
    ("Its been 6 weeks. SIX WEEKS. Where is my stuff??", 1, "delivery_delay", ()),
    ("The delivery date keeps getting pushed back, absolute joke.", 1, "delivery_delay", ()),
    ("Took nearly 2 months to recieve my order.", 1, "delivery_delay", ()),
    pytest.param(
        "Next day delivery my foot, took 5 days.",
        2,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="'took 5 days' is late only against the promised next day; a number of days"
            " is no delay by itself ('took 2 days, great')"
        ),
    ),
    (
        "Order status has said processing for over a week, nothing dispatched.",
        1,
        "delivery_delay",
        (),
    ),
    # product_quality
    ("Stopped working after 4 days. Rubbish.", 1, "product_quality", ()),
    ("The strap broke within a week of wearing it.", 1, "product_quality", ()),
    ("Material is so thin you can see through it.", 2, "product_quality", ()),
    (
        "The stitching is coming undone already and its only been a fortnight.",
        2,
        "product_quality",
        (),
    ),
    ("Doesnt do what it says, the fan barely blows any air.", 1, "product_quality", ()),
    # A burning smell is a safety reason too (lexicons/severity.py), rightly.
    (
        "Smells like burning rubber every time I use it, horrible.",
        1,
        "product_quality",
        ("safety",),
    ),
    ("These biscuits taste disgusting, like cardboard.", 1, "product_quality", ()),
    ("Phone battery drains in a couple of hours, absolutely useless.", 1, "product_quality", ()),
    ("The coating is flaking off the pan after a few uses.", 2, "product_quality", ()),
    ("Water bottle leaks everywhere in my bag.", 1, "product_quality", ()),
    ("Leggings tore at the knee the first time I wore them to the gym.", 1, "product_quality", ()),
    ("Cheap flimsy plastic, snapped as soon as I tightened it.", 1, "product_quality", ()),
    ("The whole thing fell apart after a month, not durable at all.", 1, "product_quality", ()),
    ("Arrived defective, the left speaker crackles constantly.", 1, "product_quality", ()),
    ("Poor workmanship, glue everywhere and the edges are rough.", 2, "product_quality", ()),
    ("Charger only works if you hold the cable at a certain angle.", 2, "product_quality", ()),
    # praise (positive reviews)
    ("Exactly what I needed, thank you!", 5, "praise", ()),
    ("Works perfectly, really pleased with it.", 5, "praise", ()),
    ("Highly recommend this shop, will buy again.", 5, "praise", ()),
    ("Great value for money and arrived quickly.", 5, "praise", ()),
    ("Really happy with my new boots, so comfy.", 5, "praise", ()),
    ("Lovely quality and fits like a glove.", 5, "praise", ()),
    ("Would definitely order from them again, very satisfied.", 5, "praise", ()),
    pytest.param(
        "Does exactly what it says on the tin. Cant fault it.",
        5,
        "praise",
        (),
        marks=pytest.mark.xfail(
            reason="sentiment 'fault*' makes the text negative ('cant' is no negator in"
            " lexicons/sentiment.py), and praise is dropped from negative reviews"
        ),
    ),
    ("Top notch service, couldnt be happier.", 5, "praise", ()),
    ("Very good product, my kids love it.", 4, "praise", ()),
    ("Really nice jumper, good quality, happy customer.", 4, "praise", ()),
    ("Second time buying from this seller and once again spot on.", 5, "praise", ()),
]

CONTROLS_A = [
    ("Arrived quickly and well packed, but the lid doesnt fit.", 2, ("delivery_delay",)),
    ("The refund took weeks to come through.", 2, ("delivery_delay",)),
    ("Stopped working after a week, very poor quality.", 1, ("praise",)),
    ("Delivered next day, very happy with it.", 5, ("delivery_delay", "product_quality")),
    ("Customer service took ages to reply to my email.", 2, ("delivery_delay",)),
    ("The colour is lovely but it fell apart in the wash.", 2, ("praise",)),
    ("Fast shipping, great seller.", 5, ("delivery_delay",)),
    ("Waited on hold for ages to speak to someone.", 1, ("delivery_delay",)),
]

# Batch B: different phrasings and products, written after batch A's changes without reading
# the lists; before the changes it prompted, 16 of these 37 passed (delivery_delay 2 of 11,
# product_quality 2 of 10, praise 5 of 8, controls 7 of 8).
CASES_B = [
    # delivery_delay
    (
        "Ordered a birthday cake topper, it showed up 3 days after the party.",
        1,
        "delivery_delay",
        (),
    ),
    ("Been waiting since the 3rd of march for this hoodie.", 1, "delivery_delay", ()),
    (
        "The courier blamed the weather, then the bank holiday, still no parcel.",
        1,
        "delivery_delay",
        (),
    ),
    (
        "Dispatch took over a week and then it sat with royal mail for another week.",
        2,
        "delivery_delay",
        (),
    ),
    (
        "Tracking shows it going back and forth between two depots for days.",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Expected delivery 5-7 working days, its been 3 weeks.",
        1,
        "delivery_delay",
        (),
    ),
    ("I've emailed twice asking where my order is, it was due last week.", 1, "delivery_delay", ()),
    ("Package never made it to me, tracking says returned to sender.", 1, "delivery_delay", ()),
    ("Very slow postage, wont be ordering again.", 2, "delivery_delay", ()),
    pytest.param(
        "Was told it would arrive in time for our holiday, it didnt.",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="only the trailing 'it didnt' denies the promise; 'arrive in time' is praise"
            " elsewhere"
        ),
    ),
    ("Order still says awaiting dispatch after 9 days.", 1, "delivery_delay", ()),
    # product_quality
    ("The kettle started leaking from the bottom after a week.", 1, "product_quality", ()),
    ("Earbuds keep disconnecting and the sound is tinny.", 2, "product_quality", ()),
    ("Handle came off the mug in the dishwasher on the first wash.", 1, "product_quality", ()),
    ("The dye ran in the wash and turned all my whites pink.", 2, "product_quality", ()),
    ("Tent pole snapped in light wind on our first night.", 1, "product_quality", ()),
    (
        "The candle barely has any scent and the wick drowned after an hour.",
        2,
        "product_quality",
        (),
    ),
    ("Sofa cushions went flat within a couple of weeks.", 2, "product_quality", ()),
    # Was an xfail (safety from "burnt") until severity.py learnt tastes.
    ("Coffee tastes burnt and bitter, nothing like the description.", 2, "product_quality", ()),
    ("Printer jams every other page, absolute waste of time.", 1, "product_quality", ()),
    ("Sole of the shoe came unstuck after a month of light use.", 1, "product_quality", ()),
    # praise
    ("Absolutely thrilled with my order, the necklace is beautiful.", 5, "praise", ()),
    ("Great little gadget, does everything I wanted.", 5, "praise", ()),
    ("Super fast delivery and the quality is brilliant.", 5, "praise", ()),
    ("My go to shop for gifts now, never disappoints.", 5, "praise", ()),
    ("Fab service, friendly staff, 10/10.", 5, "praise", ()),
    ("Good product for the price, does what I need it to.", 4, "praise", ()),
    ("I am over the moon with these curtains.", 5, "praise", ()),
    ("Nice sturdy table, easy to put together, very happy.", 5, "praise", ()),
]

CONTROLS_B = [
    ("Came the next day, well before the estimated date.", 5, ("delivery_delay",)),
    ("Arrived in two days but it stopped working after a week.", 1, ("delivery_delay", "praise")),
    ("I waited weeks for customer service to answer my email.", 1, ("delivery_delay",)),
    ("Delivery was fine, the problem is the motor is really noisy.", 2, ("delivery_delay",)),
    ("Everything arrived as promised and on time.", 5, ("delivery_delay",)),
    ("Not happy at all, the seams split within days.", 1, ("praise",)),
    ("Would not buy again, the zip is rubbish.", 1, ("praise",)),
    ("My refund still hasnt come through, where is my money.", 1, ("delivery_delay",)),
]

# Precision probes for the terms added above, written after batch B's changes (all passed).
CONTROLS_C = [
    ("Waited over an hour on hold and then they hung up.", 1, ("delivery_delay",)),
    ("Customer service took forever to get back to me.", 1, ("delivery_delay",)),
    ("Left a bad taste in my mouth, the staff were rude.", 1, ("product_quality",)),
    ("The refund was due last week and still nothing.", 2, ("delivery_delay",)),
    ("Delivered as promised by the seller, great.", 5, ("delivery_delay",)),
    ("I will never order again, the zip broke.", 1, ("praise",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("en", CASES)


test_controls = control_test("en", CONTROLS)
