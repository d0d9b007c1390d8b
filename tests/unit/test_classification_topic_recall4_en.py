"""English recall and precision of product_quality and delivery_delay, round 4 (issue #21).

Realistic 1-2 star English shop reviews in the styles of rounds 1-3
(test_classification_topic_recall_en.py, ..._recall2_en.py, ..._recall3_en.py): very short
angry reviews, run-on sentences, all lower case, no apostrophes, slang, typos, UK and US words,
across cosmetics, food, electronics, furniture, clothing, toys, garden, car parts, pet supplies
and kitchen goods. Written independently of the frozen, blind, dev and multilingual evaluation
sets (not read). Each case names the review's main topic, which must be among the topics found,
and gets none of the "high" severity reasons. Controls name topics that must NOT be found.

Written in batches: each batch's comment says how many of its cases passed before the list
changes it prompted, the nearest thing to a held-out figure here.
"""

import pytest

from tests.support.topic_terms import case_test, control_test

# Batch A: before any list change, 37 of these 56 passed (product_quality 16 of 29,
# delivery_delay 11 of 16, controls 10 of 11).
CASES_A = [
    # product_quality
    ("hair dryer wont even turn on anymore after 3 uses", 1, "product_quality", ()),
    ("kettle doesnt boil properly takes 20 mins and then clicks off", 1, "product_quality", ()),
    ("washing machine drum wont spin, engineer says its the motor", 1, "product_quality", ()),
    ("Lamp bulb holder cracked after a couple of days.", 1, "product_quality", ()),
    ("the dog bed came apart at the seams within a week", 1, "product_quality", ()),
    ("nail varnish peels off the next day total rubbish", 1, "product_quality", ()),
    ("Black tshirt faded to grey after two washes.", 2, "product_quality", ()),
    ("hoodie shrunk 2 sizes first wash gutted", 1, "product_quality", ()),
    (
        "Perfume smells like cheap air freshener and vanishes in 10 minutes.",
        1,
        "product_quality",
        (),
    ),
    ("stitching is all over the place and threads hanging everywhere", 2, "product_quality", ()),
    ("the remote control car battery is dead after 5 mins of play", 1, "product_quality", ()),
    ("Extractor fan is so loud we cant hear the tv.", 2, "product_quality", ()),
    ("shelves are uneven and the legs are different lengths", 2, "product_quality", ()),
    ("Foundation left orange stains on all my collars.", 2, "product_quality", ()),
    ("the olive oil tastes rancid", 1, "product_quality", ()),
    ("garden bench rusted after the first rain", 1, "product_quality", ()),
    ("Jumper started pilling after one wear.", 2, "product_quality", ()),
    ("Tights laddered the first time I put them on.", 1, "product_quality", ()),
    ("Tablet screen keeps flickering and going black.", 1, "product_quality", ()),
    ("the app wont connect to the camera no matter what i do", 1, "product_quality", ()),
    (
        "None of the pre drilled holes line up, wardrobe is impossible to build.",
        1,
        "product_quality",
        (),
    ),
    ("brake pads squeal like mad and wore down in a month", 1, "product_quality", ("safety",)),
    ("cat scratching post wobbles and the rope unravelled in days", 2, "product_quality", ()),
    ("the frying pan non stick is gone already everything sticks", 1, "product_quality", ()),
    ("Heater blows cold air only.", 1, "product_quality", ()),
    ("pump is useless doesnt pump", 1, "product_quality", ()),
    ("Trampoline net ripped in the first week and the springs rust.", 1, "product_quality", ()),
    ("dead within a week", 1, "product_quality", ()),
    ("mouse double clicks on its own, garbage", 1, "product_quality", ()),
    # delivery_delay
    ("still waiting", 1, "delivery_delay", ()),
    ("where is my parcel?? paid for express", 1, "delivery_delay", ()),
    ("tracking hasnt changed since monday", 1, "delivery_delay", ()),
    ("Stuck in customs for three weeks now.", 1, "delivery_delay", ()),
    ("Order has been sitting at the local depot for over a week.", 1, "delivery_delay", ()),
    ("promised date has passed and no sign of my order", 1, "delivery_delay", ()),
    ("courier kept postponing the delivery, 4 times now", 1, "delivery_delay", ()),
    ("Had to cancel because it never came.", 1, "delivery_delay", ()),
    ("ordered 3 weeks ago nothing yet not even a shipping email", 1, "delivery_delay", ()),
    ("dog food hasnt arrived and hes got nothing to eat now", 1, "delivery_delay", ()),
    ("Not arrived yet, supposed to be here on tuesday.", 1, "delivery_delay", ()),
    ("my order is still not here after 15 days", 1, "delivery_delay", ()),
    ("its been in transit for nearly three weeks whats going on", 1, "delivery_delay", ()),
    ("Delivery failed three times, they never even knocked.", 1, "delivery_delay", ()),
    ("no parcel no reply no nothing", 1, "delivery_delay", ()),
    ("paid for next day delivery, took 6 days", 1, "delivery_delay", ()),
]

CONTROLS_A = [
    ("arrived fast works fine", 5, ("delivery_delay", "product_quality")),
    ("The courier was rude and threw the parcel at my door.", 2, ("product_quality",)),
    ("Box was crushed on arrival but the contents were ok.", 3, ("product_quality",)),
    ("Came on time, exactly what I wanted.", 5, ("delivery_delay",)),
    ("customer service never answered my emails", 1, ("delivery_delay", "product_quality")),
    ("Sent me a large instead of a small.", 1, ("product_quality", "delivery_delay")),
    ("far too expensive for a tiny tub", 2, ("product_quality", "delivery_delay")),
    # passes since 2026.12.14: a wait just before a refund word is the money's
    ("Still waiting for my refund after returning it.", 1, ("delivery_delay",)),
    ("The website kept crashing at checkout.", 1, ("product_quality", "delivery_delay")),
    ("Charged me customs fees on delivery, wasnt told.", 2, ("product_quality",)),
    ("quick delivery, the dog loves it", 5, ("delivery_delay", "product_quality")),
]

# Batch B: different phrasings and products, written after batch A's changes without reading
# the lists; before the changes it prompted, 25 of these 45 passed (product_quality 12 of 25,
# delivery_delay 7 of 12, controls 6 of 8).
CASES_B = [
    # product_quality
    ("electric toothbrush wont hold charge past a day", 1, "product_quality", ()),
    ("kids scooter wheel snapped off on day two", 1, "product_quality", ()),
    ("the lipstick melts in the tube and feels waxy", 2, "product_quality", ()),
    ("Chocolate had a white bloom on it and tasted like soap.", 1, "product_quality", ()),
    (
        "Dining chairs creak every time you sit down and one leg is shorter.",
        2,
        "product_quality",
        (),
    ),
    ("fleece lining started shedding everywhere after one wash", 2, "product_quality", ()),
    ("Smart plug drops off the wifi every few hours.", 2, "product_quality", ()),
    ("wireless charger gets so hot you cant touch it and barely charges", 1, "product_quality", ()),
    # passes since release 2026.12.21 (lexicons/severity.py OTHER_MEANINGS)
    ("the rug colour bled onto my wooden floor", 1, "product_quality", ()),
    ("Plant pot cracked in the first frost.", 2, "product_quality", ()),
    pytest.param(
        "bag strap ripped off the first day i used it",
        1,
        "product_quality",
        (),
        marks=pytest.mark.xfail(
            reason="product_quality is found, but 'ripped off' is also the fraud idiom"
            " (fraud_claim, severity list, not this round's)"
        ),
    ),
    ("Vacuum has no suction after a month, totally pointless", 1, "product_quality", ()),
    ("dog lead clip broke and he ran off", 1, "product_quality", ()),
    ("the blender jug leaks from the base every time", 1, "product_quality", ()),
    ("led strip half the lights dont work", 1, "product_quality", ()),
    ("Car mats curl up at the edges and slide about.", 2, "product_quality", ()),
    ("Moisturiser separated into oil and water in the jar.", 2, "product_quality", ()),
    ("Puzzle pieces dont fit together properly, so frustrating.", 2, "product_quality", ()),
    ("aquarium filter is noisy as hell and stopped after a week", 1, "product_quality", ()),
    ("trainers sole split in half within a month", 1, "product_quality", ()),
    ("fake tan went streaky and green", 1, "product_quality", ()),
    ("Jeans button popped off first wear.", 2, "product_quality", ()),
    ("toaster only toasts one side", 2, "product_quality", ()),
    ("tea bags split open in the cup every time", 2, "product_quality", ()),
    ("camera wont focus, every photo is blurry", 1, "product_quality", ()),
    # delivery_delay
    ("2 weeks and counting still no sign of my hoover", 1, "delivery_delay", ()),
    ("Tracking says the parcel is stuck at the hub since the 4th.", 1, "delivery_delay", ()),
    ("Estimated arrival was last friday, its now thursday.", 1, "delivery_delay", ()),
    ("got an email saying my order is delayed again, third time", 1, "delivery_delay", ()),
    pytest.param(
        "never got my cat litter, had to go buy some from tesco",
        1,
        "delivery_delay",
        (),
        marks=pytest.mark.xfail(
            reason="'never got my ...' is as often a refund, a reply or a discount code; the"
            " product names are open-ended"
        ),
    ),
    ("Package held at customs for weeks and nobody tells me anything.", 1, "delivery_delay", ()),
    ("whers my order its been a month", 1, "delivery_delay", ()),
    ("Gave up waiting and cancelled the order.", 1, "delivery_delay", ()),
    ("Order shows shipped but has not moved in 9 days.", 1, "delivery_delay", ()),
    ("delivery pushed to next month, useless", 1, "delivery_delay", ()),
    ("The sofa was meant to come in 4 weeks, we are on week 10.", 1, "delivery_delay", ()),
    ("missed my daughters party because the costume never showed", 1, "delivery_delay", ()),
]

CONTROLS_B = [
    ("Took 4 days to arrive, as stated, lovely quality.", 5, ("delivery_delay",)),
    ("Delivery driver was so loud and rude at the door.", 2, ("product_quality",)),
    ("The parcel was soaking wet and the box fell apart.", 1, ("product_quality",)),
    ("the dog went dead quiet when he saw the new bed, he loves it", 5, ("product_quality",)),
    ("No parcel damage at all, quick delivery.", 5, ("delivery_delay", "damaged_packaging")),
    ("Cancelled my order because I found it cheaper elsewhere.", 2, ("delivery_delay",)),
    ("They rescheduled my callback with customer service twice.", 2, ("delivery_delay",)),
    ("Arrived in a week as expected, but it is the wrong colour.", 2, ("delivery_delay",)),
]

# Precision probes for the terms added above, written after batch B's changes: the first eight
# failed until "stains on", "drops out", "slide about", "blurry", "peels", "gave up waiting" and
# "took 5 days" were narrowed or dropped; the last four passed as written.
CONTROLS_C = [
    ("Delivery took 5 days as stated, happy.", 5, ("delivery_delay",)),
    ("Parcel had stains on it but the contents were fine.", 4, ("product_quality",)),
    ("The courier drops out of the app tracking every time.", 2, ("product_quality",)),
    ("Gave up waiting for customer service to reply.", 1, ("delivery_delay",)),
    ("my puppy loves to slide about on the new mat", 5, ("product_quality",)),
    ("Website kept dropping out at checkout.", 1, ("product_quality",)),
    (
        "photos on the listing are blurry so i wasnt sure what i was getting",
        3,
        ("product_quality",),
    ),
    ("The exfoliator peels away dead skin, love it.", 5, ("product_quality",)),
    ("Shipped quickly, great seller.", 5, ("delivery_delay",)),
    ("Cancelled as I found it cheaper, no problem with the shop.", 3, ("delivery_delay",)),
    ("No parcel damage, packed really well.", 5, ("delivery_delay",)),
    ("The courier rescheduled at my request, no problem.", 5, ("product_quality",)),
]

CASES = CASES_A + CASES_B
CONTROLS = CONTROLS_A + CONTROLS_B + CONTROLS_C


test_main_topic = case_test("en", CASES)


test_controls = control_test("en", CONTROLS)
