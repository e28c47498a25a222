SELECT c.id AS Id, o.id AS OrderId
FROM customers AS c
LEFT JOIN orders AS o ON c.id = o.customer_id
WHERE c.id > 30
ORDER BY c.id NULLS FIRST, o.id NULLS FIRST
