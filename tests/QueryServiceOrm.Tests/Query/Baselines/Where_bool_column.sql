SELECT c.id
FROM customers AS c
WHERE c.active
ORDER BY c.id NULLS FIRST
