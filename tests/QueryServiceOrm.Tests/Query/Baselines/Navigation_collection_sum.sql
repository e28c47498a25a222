SELECT c.id AS Id, (
    SELECT COALESCE(sum(o.amount), 0)
    FROM orders AS o
    WHERE c.id = o.customer_id) AS Total
FROM customers AS c
WHERE c.id <= 10
ORDER BY c.id NULLS FIRST
