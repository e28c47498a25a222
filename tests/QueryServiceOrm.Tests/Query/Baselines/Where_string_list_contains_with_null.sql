SELECT c.id
FROM customers AS c
WHERE c.city IN ('Paris', 'O\'Fallon') OR c.city IS NULL
ORDER BY c.id NULLS FIRST
