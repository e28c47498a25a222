SELECT c.id
FROM customers AS c
WHERE EXISTS (
    SELECT 1
    FROM orders AS o
    WHERE c.id = o.customer_id AND o.status = 'cancelled' AND o.amount > 300)
ORDER BY c.id NULLS FIRST
