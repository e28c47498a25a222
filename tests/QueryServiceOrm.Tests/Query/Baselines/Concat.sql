SELECT c.id
FROM customers AS c
WHERE c.id < 3
UNION ALL
SELECT c0.id
FROM customers AS c0
WHERE c0.id < 4
