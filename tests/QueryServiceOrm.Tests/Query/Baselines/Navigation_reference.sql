SELECT o.id AS Id, c.name AS Name
FROM orders AS o
INNER JOIN customers AS c ON o.customer_id = c.id
WHERE c.city = 'Paris'
ORDER BY o.id NULLS FIRST
