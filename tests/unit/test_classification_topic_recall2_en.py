"""English recall of wrong_item, delivery_delay and product_quality, round 2 (issue #21).

Realistic 1-2 star English shop reviews in the styles round 1
(test_classification_topic_recall_en.py) did not cover: very short angry reviews, run-on
sentences without punctuation, all lower case, slang, typos, and many product kinds (cosmetics,
food, electronics, furniture, clothing, toys, garden, car parts). Written independently of the
frozen, blind, dev and multilingual evaluation sets (not read). Each case names the review's
main topic, which must be among the topics found, and the "high" severity reasons it must get
(none, for most). Controls name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 32 of these 61 passed (wrong_item 9 of 24, delivery_delay 3
# of 12, product_quality 7 of 12, controls 13 of 13). Two delay cases passed after batch A's
# changes, through bare 'where is it' and 'weeks and still nothing', which batch B's controls
# showed too broad; they are xfails now.
CASES_A = [
    # wrong_item
    ("Opened the box and it was empty, just bubble wrap.", 1, "wrong_item", ()),
    ("Missing 2 screws so I cant even put the wardrobe together.", 1, "wrong_item", ()),
    ("ordered 6 bottles only 4 came", 1, "wrong_item", ()),
    ("Pack of 10 and there was only 8 in it.", 2, "wrong_item", ()),
    ("Lipstick is a totally different shade to the one I picked.", 2, "wrong_item", ()),
    ("this is a fake the logo is all wrong its not the real brand", 1, "wrong_item", ()),
    (
        "Clearly been used before, there was hair in the brush and the seal was broken.",
        1,
        "wrong_item",
        (),
    ),
    ("Sent me someone elses order with their name on the invoice.", 1, "wrong_item", ()),
    ("crisps were out of date when they arrived", 1, "wrong_item", ()),
    (
        "Not as described at all, the listing said stainless steel and its plastic.",
        1,
        "wrong_item",
        (),
    ),
    ("doesnt look anything like the pics on the website", 1, "wrong_item", ()),
    (
        "The instructions mention a remote but there was no remote in the box.",
        2,
        "wrong_item",
        (),
    ),
    pytest.param(
        "Got the 64gb version when I paid for the 128gb one.",
        1,
        "wrong_item",
        (),
    ),
    # "brake*" alone is a safety word (lexicons/severity.py, outside this brief's lists).
    (
        "The brake pads they sent are for a completely different car, not the part number.",
        1,
        "wrong_item",
        ("safety",),
    ),
    (
        "Returned item sold as new, the box had been opened and taped back up.",
        1,
        "wrong_item",
        (),
    ),
    ("kids lego set had half the pieces missing", 1, "wrong_item", ()),
    ("only one shoe in the box lol", 1, "wrong_item", ()),
    ("Received a size 8 instead of a size 12.", 1, "wrong_item", ()),
    (
        "the seeds are not the variety i ordered these are marigolds not sunflowers",
        1,
        "wrong_item",
        (),
    ),
    ("Face cream expired 3 months before it even got to me.", 1, "wrong_item", ()),
    ("Camera came without the battery and charger.", 1, "wrong_item", ()),
    pytest.param(
        "u sent me the black one i wanted white",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="the wanted colour comes after what came, and 'i wanted' alone is a wish"
            " ('i wanted to love it')"
        ),
    ),
    ("Tool set is missing the 10mm socket, typical.", 2, "wrong_item", ()),
    ("Dress is a completely different style from the picture.", 1, "wrong_item", ()),
    # delivery_delay
    pytest.param(
        "2 weeks n still nothin",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "where is it??? ordered ages ago",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="bare 'where is it' is also 'where is it made?'; 'ages ago' dates the order"
            " (lexicons/topics.py AGO_AFTER), it says no delay by itself"
        ),
    ),
    pytest.param(
        "waitin 3 wks for a garden hose joke",
        1,
        "delivery_delay",
        (),
    ),
    ("order placed 1st june its now the end of july and nothing", 1, "delivery_delay", ()),
    ("The sofa delivery got rescheduled three times.", 1, "delivery_delay", ()),
    ("They keep moving the delivery date, fed up.", 1, "delivery_delay", ()),
    pytest.param(
        "Took a month for some car mats to come.",
        2,
        "delivery_delay",
        (),
    ),
    ("ordered for my sons birthday it came the week after useless", 1, "delivery_delay", ()),
    ("still waitng for my order its been 3 weeks", 1, "delivery_delay", ()),
    ("Slowest delivery ever.", 1, "delivery_delay", ()),
    ("this is taking ages where is my parcel", 1, "delivery_delay", ()),
    ("ordrr never came", 1, "delivery_delay", ()),
    # product_quality
    ("foundation is patchy and goes orange within an hour", 1, "product_quality", ()),
    ("Headphones crackle and cut out constantly.", 1, "product_quality", ()),
    ("The drawer fell off the runners in the first week.", 1, "product_quality", ()),
    # "wheels came off" is a safety phrase (lexicons/severity.py): loose toy parts are a hazard.
    ("toy car wheels came off straight away", 1, "product_quality", ("safety",)),
    ("hose pipe split first time i used it", 1, "product_quality", ()),
    ("Wiper blades smear the windscreen and squeak.", 2, "product_quality", ()),
    ("rubbish quality dont buy", 1, "product_quality", ()),
    ("Absolute junk.", 1, "product_quality", ()),
    ("chair wobbles and the screws keep coming loose", 2, "product_quality", ()),
    ("Lipgloss is sticky and gritty, horrible.", 1, "product_quality", ()),
    ("the usb cable stopped charging after 2 days", 1, "product_quality", ()),
    ("Cereal tastes stale.", 2, "product_quality", ()),
]

CONTROLS_A = [
    ("Jeans are too small, I ordered my usual size.", 2, ("wrong_item",)),
    ("The box was damaged but everything inside was fine.", 3, ("wrong_item",)),
    ("Arrived next day, brilliant.", 5, ("delivery_delay",)),
    ("Exactly as described and arrived early.", 5, ("wrong_item", "delivery_delay")),
    (
        "Ordered a lamp and got it within two days, works great.",
        5,
        ("wrong_item", "delivery_delay"),
    ),
    ("Everything was in the box, but the quality is poor.", 2, ("wrong_item",)),
    ("Looks just like the picture, very happy.", 5, ("wrong_item",)),
    ("Came a day early, well packed.", 5, ("delivery_delay",)),
    ("Shoes fit fine but the sole fell off after a week.", 1, ("wrong_item",)),
    ("Had to send it back because it was too big, refund was quick.", 3, ("wrong_item",)),
    ("Expiry date is over a year away, great.", 5, ("wrong_item",)),
    ("Fake leather but looks nice for the price.", 4, ("wrong_item",)),
    ("No parts missing, easy to assemble.", 5, ("wrong_item",)),
]

# Batch B: different phrasings and products, written after batch A's changes without reading
# the lists; before the changes it prompted, 7 of these 40 passed (wrong_item 2 of 18,
# delivery_delay 0 of 7, product_quality 0 of 7, controls 5 of 8).
CASES_B = [
    # wrong_item
    ("Bought a 3 pack of phone cases, got one.", 1, "wrong_item", ()),
    ("Half the jigsaw pieces werent there.", 1, "wrong_item", ()),
    ("the perfume is a cheap copy smells nothing like the original", 1, "wrong_item", ()),
    ("Shampoo bottle was half empty when it came.", 1, "wrong_item", ()),
    pytest.param(
        "Asked for oat milk, got almond.",
        2,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="bare 'got' before a noun is no receiving word (RECEIVED_WORDS, outside this"
            " brief's lists, has 'got a', 'got the', 'got some')"
        ),
    ),
    ("wrong bulbs sent theyre B22 not E27", 1, "wrong_item", ()),
    pytest.param(
        "The sofa arrived in grey when I chose the green fabric.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="what was chosen comes after what came; 'when i chose the' alone is also"
            " 'when i chose the express option'"
        ),
    ),
    ("Chocolates were way past their sell by date.", 1, "wrong_item", ()),
    pytest.param(
        "Description says 100% cotton, label says polyester.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="the contradiction is between two 'says' clauses; 'description says' alone"
            " confirms as often ('description says machine washable and it washes fine')"
        ),
    ),
    ("Doesnt match the listing at all, the drill is a different brand.", 1, "wrong_item", ()),
    ("Headlight bulb isnt the one pictured.", 2, "wrong_item", ()),
    ("Seller swapped my order for a cheaper model.", 1, "wrong_item", ()),
    pytest.param(
        "no instructions and no bolts so the bed is useless",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'no bolts' is also 'no bolts needed', and the first 'no' negates any term"
            " within 3 tokens after it"
        ),
    ),
    (
        "the printer came with no ink cartridges even though the listing said included",
        2,
        "wrong_item",
        (),
    ),
    pytest.param(
        "Sold as tomato plants but they turned out to be peppers.",
        1,
        "wrong_item",
        (),
        marks=pytest.mark.xfail(
            reason="'sold as' is also 'sold as described' or 'sold as a set'; 'turned out to be'"
            " is also 'turned out to be great'"
        ),
    ),
    ("Box contained a used toothbrush head. Disgusting.", 1, "wrong_item", ()),
    ("This is not an original Apple charger.", 1, "wrong_item", ()),
    ("its been worn before theres makeup on the collar", 1, "wrong_item", ()),
    # delivery_delay
    pytest.param(
        "nearly 3 weeks for a pair of socks lol",
        1,
        "delivery_delay",
        (),
    ),
    pytest.param(
        "Ordered on the 1st, showed up on the 29th.",
        2,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="the delay is the gap between two dates, which no term list can measure"
        ),
    ),
    ("Courier has had it for 8 days.", 1, "delivery_delay", ()),
    ("ETA keeps changing.", 1, "delivery_delay", ()),
    ("Hasnt even left the warehouse yet, ordered a fortnight ago.", 1, "delivery_delay", ()),
    ("Took an age to get here.", 2, "delivery_delay", ()),
    ("Delivery window missed twice, still no bike.", 1, "delivery_delay", ()),
    # product_quality
    ("Mascara clumps and flakes under my eyes.", 2, "product_quality", ()),
    ("TV remote stopped responding after a week.", 1, "product_quality", ()),
    ("the solar lights dont come on at night", 1, "product_quality", ()),
    ("Wheel trim cracked as soon as i fitted it", 1, "product_quality", ()),
    ("the jumper bobbles like mad", 2, "product_quality", ()),
    ("Bedside table is wonky and the drawer sticks.", 2, "product_quality", ()),
    ("Bluetooth speaker sound is muffled and really quiet.", 2, "product_quality", ()),
]

CONTROLS_B = [
    ("Arrived in 2 days as promised.", 5, ("delivery_delay",)),
    ("Only one thing I would change, the strap is a bit short.", 4, ("wrong_item",)),
    ("Fake tan is streak free and smells nice.", 5, ("wrong_item",)),
    ("I was worried it would be a fake but it is genuine, great.", 5, ("wrong_item",)),
    ("Where is it made? The label doesnt say.", 3, ("delivery_delay",)),
    (
        "Two weeks and still nothing from customer services about my complaint.",
        1,
        ("delivery_delay",),
    ),
    ("Out of date design but it works fine.", 4, ("wrong_item",)),
    ("Lovely soft jumper, only 2 in the pack though so a bit pricey.", 4, ("wrong_item",)),
]

# Precision probes for the terms added above, written after batch B's changes (all passed;
# three earlier probes, 'no bolts needed', 'description says machine washable' and 'tried a
# different brand', removed terms from the lists).
CONTROLS_C = [
    ("Easy to fit, no bolts needed, just clips on.", 5, ("wrong_item",)),
    ("Description says machine washable and it washes fine.", 5, ("wrong_item",)),
    ("Tried a different brand this time and I love it.", 5, ("wrong_item",)),
    ("Delivered on time, the eta was spot on.", 5, ("delivery_delay",)),
    ("Screen was cracked when I opened the box.", 1, ("product_quality",)),
    ("Delivered the day after I ordered, great.", 5, ("delivery_delay",)),
    ("Its now the third one I have bought, love them.", 5, ("delivery_delay",)),
    ("The expiry date was fine, long dated.", 5, ("wrong_item",)),
    ("Nothing wrong with the item, it was just not for me.", 3, ("wrong_item",)),
    ("Courier was fast, love the product.", 5, ("delivery_delay",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("en", CASES)


test_controls = control_test("en", CONTROLS)
