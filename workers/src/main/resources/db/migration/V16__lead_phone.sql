-- The XDR calls: the contact card shows the number (click to call).
ALTER TABLE leads ADD COLUMN phone VARCHAR(40) NULL AFTER title;
