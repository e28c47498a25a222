SELECT c.id
FROM customers AS c
WHERE c.city IN ('Paris', 'O\u0027Fallon') OR c.city IS NULL
ORDER BY c.id NULLS FIRST
