SELECT c.id
FROM customers AS c
WHERE c.id IN (
    SELECT o.customer_id
    FROM orders AS o
    WHERE o.status = 'new' AND o.amount < 50
)
ORDER BY c.id NULLS FIRST
