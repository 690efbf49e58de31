-- The secretary of a committee (for a community: the community party secretary, told when a wartime call goes unanswered).
ALTER TABLE party_committee ADD COLUMN secretary_id BIGINT REFERENCES person (id);
