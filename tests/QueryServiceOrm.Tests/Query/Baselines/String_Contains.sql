SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%O\'N%'
ORDER BY c.id NULLS FIRST
