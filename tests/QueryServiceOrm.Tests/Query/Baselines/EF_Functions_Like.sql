SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%er 0_'
ORDER BY c.id NULLS FIRST
