SELECT c.id AS C, o0.id AS O
FROM customers AS c
CROSS JOIN (
    SELECT o.id
    FROM orders AS o
    WHERE o.id <= 2
) AS o0
WHERE c.id <= 3
ORDER BY c.id NULLS FIRST, o0.id NULLS FIRST
