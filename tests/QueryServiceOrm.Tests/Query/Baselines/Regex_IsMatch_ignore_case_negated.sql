SELECT c.id
FROM customers AS c
WHERE NOT (c.name RLIKE concat('(?i)', '^customer'))
ORDER BY c.id NULLS FIRST
