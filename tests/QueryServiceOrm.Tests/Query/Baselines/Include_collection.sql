SELECT o.id
FROM customers AS c
INNER JOIN orders AS o ON c.id = o.customer_id
WHERE c.id = 5
ORDER BY o.id NULLS FIRST
