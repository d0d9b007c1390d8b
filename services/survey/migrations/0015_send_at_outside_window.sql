-- #18: staff may send one survey now, outside the shop's send window ("send now" to see the
-- first email); a time set by hand is otherwise still moved into the window.
ALTER TABLE surveys ADD COLUMN send_at_outside_window boolean NOT NULL DEFAULT false;
