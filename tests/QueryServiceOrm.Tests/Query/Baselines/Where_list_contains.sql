SELECT c.id
FROM customers AS c
WHERE c.id IN (2, 3, 5, 8, 13, 21, 34)
ORDER BY c.id NULLS FIRST
