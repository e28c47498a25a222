SELECT 5 IN (
    SELECT o.customer_id
    FROM orders AS o
    ORDER BY o.amount DESC NULLS LAST, o.id NULLS FIRST
    LIMIT 3
)
FROM customers AS c
WHERE c.id = 1
LIMIT 2
