-- newsnlp 0002: each deal party's role (record schema 1.1.0: deal.roles, parallel to deal.parties):
-- acquirer, target, seller, investor, lead_investor or party. Rows written before this migration keep NULL.

ALTER TABLE deal_parties ADD COLUMN role text;
CREATE INDEX deal_parties_role_idx ON deal_parties (role);
