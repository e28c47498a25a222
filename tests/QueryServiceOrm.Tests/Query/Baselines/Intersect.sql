SELECT o.customer_id
FROM orders AS o
WHERE o.status = 'paid'
INTERSECT
SELECT o0.customer_id
FROM orders AS o0
WHERE o0.amount > 400
