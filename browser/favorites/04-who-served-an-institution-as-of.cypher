// Who served an institution (or a body within it) in June 2021: tenures overlapping the month, or attested in it.
MATCH (person:Person)-[h:HELD]->(t:Tenure)-[o:OF_POST]->(post:Post)-[i:IN_ORGANIZATION]->(org:Organization)-[:PART_OF*0..5]->(:Organization {id: 'org-az-mod'})
WHERE CASE WHEN t.startFrom IS NULL AND t.endTo IS NULL
        THEN t.attestedFrom <= '2021-06-30' AND '2021-06-01' <= t.attestedTo
        ELSE coalesce(t.startFrom, '0000-01-01') <= '2021-06-30' AND '2021-06-01' <= coalesce(t.endTo, '9999-12-31') END
RETURN person, h, t, o, post, i, org;
