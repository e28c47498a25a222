SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%5'
ORDER BY c.id NULLS FIRST
