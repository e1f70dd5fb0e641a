-- Programs (campaigns) with what they cost: ROI = revenue credited to the program per dollar spent.
CREATE TABLE campaign (
  name       VARCHAR(200)   NOT NULL,
  channel    VARCHAR(40),
  cost       DECIMAL(15, 2) NOT NULL,
  starts_on  DATE,
  ends_on    DATE,
  PRIMARY KEY (name)
);
