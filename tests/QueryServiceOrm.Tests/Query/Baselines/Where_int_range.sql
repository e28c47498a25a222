SELECT c.id
FROM customers AS c
WHERE c.id >= 5 AND c.id < 12
ORDER BY c.id NULLS FIRST
