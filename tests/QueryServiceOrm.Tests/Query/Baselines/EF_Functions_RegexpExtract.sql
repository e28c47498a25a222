SELECT regexp_extract(c.name, '[0-9]+', 0) AS Whole, regexp_extract(c.name, '(C)ustomer ([0-9])', 2) AS `Group`
FROM customers AS c
ORDER BY c.id NULLS FIRST
