SELECT c.id AS Id, (
    SELECT max(o.amount)
    FROM orders AS o
    WHERE o.customer_id = c.id) AS Max
FROM customers AS c
WHERE c.id <= 8
ORDER BY c.id NULLS FIRST
