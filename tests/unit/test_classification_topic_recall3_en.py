"""English recall and precision of the other topics, round 3 (issue #21).

size_fit, price_value, damaged_packaging, returns_refunds, customer_service, website_checkout
and customs_fees (lexicons/topics.py). Realistic 1-2 star English shop reviews in the styles of
rounds 1 and 2 (test_classification_topic_recall_en.py, ..._recall2_en.py): short angry
reviews, run-on sentences, no apostrophes, slang, typos. Written independently of the frozen,
blind, dev and multilingual evaluation sets (not read). Each case names the review's main
topic, which must be among the topics found, and gets none of the "high" severity reasons.
Controls name topics that must NOT be found (precision).

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import ASPECT_OR_RESTORED, REASON_RESTORED, case_test, control_test

# Batch A: before any list change, 44 of these 62 passed (size_fit 7 of 8, price_value 5 of 7,
# damaged_packaging 5 of 7, returns_refunds 6 of 7, customer_service 5 of 7, website_checkout
# 4 of 6, customs_fees 4 of 6, controls 8 of 14). Six controls failed on bare "fits", "true to
# size", "price*", "app" and "support"; one more control ("Lovely staff in the shop too.") was
# dropped as wrong: praise of the staff is about the service. Two controls were added for
# "duty" ("heavy duty") and "contact*" ("contact lens"), which the changes narrowed.
CASES_A = [
    # size_fit
    ("trousers way too short on me and im only 5ft 9", 2, "size_fit", ()),
    (
        "Size chart is completely wrong, ordered my usual medium and it's like a kids size.",
        1,
        "size_fit",
        (),
    ),
    ("runs about 2 sizes small, had to size up twice", 2, "size_fit", ()),
    ("Boots pinch my toes so bad, way too narrow", 1, "size_fit", ()),
    ("the dress is miles too long i'd need heels on stilts", 2, "size_fit", ()),
    ("couldnt even get it over my head, sizing is a joke", 1, "size_fit", ()),
    ("Waist is tiny and the legs are baggy, no idea who this is cut for.", 2, "size_fit", ()),
    ("ring was way to small even tho i measured my finger", 1, "size_fit", ()),
    # price_value
    ("Massively overpriced for what it is.", 1, "price_value", ()),
    ("not worth the money at all save yourself the cash", 1, "price_value", ()),
    ("Found the exact same kettle for half the price on another site.", 1, "price_value", ()),
    (
        "hidden costs everywhere, the total at the end was double what was advertised",
        1,
        "price_value",
        (),
    ),
    pytest.param(
        "£40 for this?? you must be joking",
        1,
        "price_value",
        (),
        marks=pytest.mark.xfail(
            reason="the amount is a number and 'for this' alone is also 'perfect for this'"
        ),
    ),
    ("total waste of money", 1, "price_value", ()),
    ("Way too expensive for such a tiny bottle.", 2, "price_value", ()),
    # damaged_packaging
    ("Box turned up crushed and the lamp shade was bent.", 1, "damaged_packaging", ()),
    ("the tin was all dented when it came", 2, "damaged_packaging", ()),
    ("Glass jar smashed in transit, glass everywhere in the parcel.", 1, "damaged_packaging", ()),
    (
        "parcel was left in the rain and the box was soggy and falling apart",
        1,
        "damaged_packaging",
        (),
    ),
    ("Thrown in a bag with no padding, of course it arrived chipped.", 1, "damaged_packaging", ()),
    ("Outer packaging torn open and half the contents loose.", 1, "damaged_packaging", ()),
    ("mirror came in pieces, shoddy packing", 1, "damaged_packaging", ()),
    # returns_refunds
    ("They refused my return even though it was within 30 days.", 1, "returns_refunds", ()),
    ("Still no refund 6 weeks after they got the item back.", 1, "returns_refunds", ()),
    ("had to pay for the return postage myself which is a joke", 1, "returns_refunds", ()),
    ("They charged me a restocking fee for a faulty item!", 1, "returns_refunds", ()),
    (
        "asked to swap for a bigger size and theyve been fobbing me off for weeks",
        1,
        "returns_refunds",
        (),
    ),
    ("No returns label in the box and the portal wont generate one.", 1, "returns_refunds", ()),
    ("still waiting on my money", 1, "returns_refunds", ()),
    # customer_service
    ("Emailed 4 times, no response whatsoever.", 1, "customer_service", ()),
    ("The woman on the phone was so rude and then hung up on me.", 1, "customer_service", ()),
    ("their chat bot just goes round in circles, cant talk to a human", 1, "customer_service", ()),
    ("Promised me a call back within 24 hours, never happened.", 1, "customer_service", ()),
    ("nobody answers the phone ever", 1, "customer_service", ()),
    ("Worst customer service ive ever dealt with.", 1, "customer_service", ()),
    (
        "sent three messages and they just keep sending the same copy paste answer",
        1,
        "customer_service",
        (),
    ),
    # website_checkout
    ("Payment kept failing at the last step so I gave up.", 1, "website_checkout", ()),
    ("discount code didnt work and they wouldnt honour it", 2, "website_checkout", ()),
    ("App crashed three times at checkout.", 1, "website_checkout", ()),
    ("Couldnt reset my password, the reset email never comes.", 1, "website_checkout", ()),
    ("Got charged but the order never went through on the site.", 1, "website_checkout", ()),
    ("voucher wouldnt apply at the till online", 2, "website_checkout", ()),
    # customs_fees
    (
        "Had to pay £25 customs charges to the courier before they would hand it over.",
        1,
        "customs_fees",
        (),
    ),
    ("nobody mentioned import duties, got a bill from dhl", 1, "customs_fees", ()),
    ("Ships from outside the UK so you get stung for import VAT.", 1, "customs_fees", ()),
    ("Paid an extra 18 quid in fees when it arrived, not told about it.", 1, "customs_fees", ()),
    ("customs fees cost more than the jacket", 1, "customs_fees", ()),
    ("Postman wanted 30 euro duty before he'd give me the parcel.", 1, "customs_fees", ()),
]

CONTROLS_A = [
    pytest.param(
        "Fits perfectly, lovely material.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Great price and arrived quickly.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("The box it came in is handy for storing it.", 5, ("damaged_packaging",)),
    ("Bought it for a friend, she loves it.", 5, ("returns_refunds",)),
    ("This pillow is the answer to my prayers.", 5, ("customer_service",)),
    ("Heavy duty and built to last.", 5, ("customs_fees",)),
    ("Contact lens solution, same as always.", 5, ("customer_service",)),
    ("Easy to order online.", 5, ("website_checkout",)),
    ("No customs fees, shipped from the UK warehouse.", 5, ("customs_fees",)),
    pytest.param(
        "True to size and very comfy.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("Would definitely order again, great value.", 5, ("price_value",)),
    ("Well packed, nothing damaged.", 5, ("damaged_packaging",)),
    ("The kids love the app that comes with the robot.", 5, ("website_checkout",)),
    ("Support is great on this chair, my back pain is gone.", 5, ("customer_service",)),
    ("Bought a box of chocolates, all delicious.", 5, ("damaged_packaging",)),
    ("Stopped working after a week, rubbish.", 1, ("returns_refunds", "customer_service")),
]


# Batch B: different phrasings and products, written after batch A's changes; before the
# changes it prompted, 26 of these 36 passed (size_fit 2 of 6, price_value 2 of 5,
# damaged_packaging 2 of 4, returns_refunds 4 of 4, customer_service 4 of 4, website_checkout
# 3 of 4, customs_fees 3 of 3, controls 6 of 6).
CASES_B = [
    ("Ordered an XL for my husband and it barely goes past his belly button.", 2, "size_fit", ()),
    ("these sandals are a size 5 in name only more like a 3", 1, "size_fit", ()),
    ("The sleeves come down past my fingertips, proper gorilla arms.", 2, "size_fit", ()),
    ("Hat is too tight, gives me a headache after ten mins.", 2, "size_fit", ()),
    ("Bra cups gape and the band digs in, the measurements guide is useless.", 2, "size_fit", ()),
    ("bought 2 sizes up like the reviews said and STILL cant zip it", 1, "size_fit", ()),
    ("Paid premium prices for bargain bin quality.", 1, "price_value", ()),
    ("way overpriced mate, 20 quid for a phone cable", 1, "price_value", ()),
    ("Shipping cost more than the actual item, crazy.", 2, "price_value", ()),
    (
        "Dropped in price by £30 the day after I bought it and they wont refund the difference.",
        1,
        "price_value",
        (),
    ),
    pytest.param(
        "You can get this in Tesco for a fiver.",
        2,
        "price_value",
        (),
        marks=pytest.mark.xfail(
            reason="a shop and a low price; 'for a fiver' alone is as often praise ('lovely for"
            " a fiver')"
        ),
    ),
    (
        "Courier obviously kicked the box about, corner caved in and the vase is broken.",
        1,
        "damaged_packaging",
        (),
    ),
    ("plant pot arrived in smithereens", 1, "damaged_packaging", ()),
    ("The bottle leaked all over everything else in the parcel.", 2, "damaged_packaging", ()),
    ("Just an envelope for a picture frame, glass cracked obviously.", 1, "damaged_packaging", ()),
    ("Sent it back a month ago and still havent had my money back.", 1, "returns_refunds", ()),
    ("they keep saying the refund is processing for 3 weeks now", 1, "returns_refunds", ()),
    ("Return window is only 7 days which is ridiculous.", 2, "returns_refunds", ()),
    ("Wanted to exchange for a different colour, they said no.", 1, "returns_refunds", ()),
    ("rang them 6 times no one picks up", 1, "customer_service", ()),
    ("Customer services are a joke, they just read from a script.", 1, "customer_service", ()),
    ("The agent was condescending and blamed me for their mistake.", 1, "customer_service", ()),
    ("On hold for 45 minutes then got cut off.", 2, "customer_service", ()),
    ("Site kept logging me out at the payment step.", 1, "website_checkout", ()),
    (
        "the promo code said invalid even though it was in their own email",
        2,
        "website_checkout",
        (),
    ),
    ("Apple Pay option just spins forever.", 1, "website_checkout", ()),
    ("my basket kept emptying itself", 1, "website_checkout", ()),
    ("Parcelforce held it until I paid £19 in import charges.", 1, "customs_fees", ()),
    ("nowhere on the site does it say youll pay customs on top", 1, "customs_fees", ()),
    ("Was charged duty and a clearance fee on a £20 top.", 1, "customs_fees", ()),
]

CONTROLS_B = [
    pytest.param(
        "Cheap and cheerful, does the job.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Fits like a glove.", 5, ("size_fit",), marks=pytest.mark.xfail(reason=REASON_RESTORED)
    ),
    ("Arrived well packaged in a sturdy box.", 5, ("damaged_packaging",)),
    ("Support for the ankle is brilliant, I can run again.", 5, ("customer_service",)),
    ("Return journey on the train was comfy with this neck pillow.", 4, ("returns_refunds",)),
    (
        "Checked out the reviews first and they were right, great kettle.",
        5,
        ("website_checkout",),
    ),
]

# Precision probes for the terms added above, written after batch B's changes; thinking of
# the first four narrowed terms before they ran ('snug', 'through the app', 'cost me', 'caved
# in'); all pass.
CONTROLS_C = [
    ("Snug and warm, perfect for winter walks.", 5, ("size_fit",)),
    ("Ordering through the app is so easy.", 5, ("website_checkout",)),
    ("The box was sturdy, packaging was excellent.", 5, ("damaged_packaging",)),
    pytest.param(
        "Cost me a tenner and works a treat.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Great value for money, would buy again.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Well worth the money.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    ("The seat caved in after a month.", 1, ("damaged_packaging",)),
    pytest.param(
        "Bargain, and so affordable.",
        5,
        ("price_value",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Good size for a small kitchen.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
    pytest.param(
        "Nice and loose around the legs, very comfy.",
        5,
        ("size_fit",),
        marks=pytest.mark.xfail(reason=ASPECT_OR_RESTORED),
    ),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("en", CASES)


test_controls = control_test("en", CONTROLS)
