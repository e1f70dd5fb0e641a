-- GDPR Art. 17: when the contact was erased (its identifying fields are cleared; the row stays for aggregates).
ALTER TABLE leads ADD COLUMN erased_at TIMESTAMP(3) NULL;
