SELECT o.customer_id AS Key, COALESCE(sum(o.amount), 0) AS Total
FROM orders AS o
GROUP BY o.customer_id
HAVING COALESCE(sum(o.amount), 0) > 1200
ORDER BY o.customer_id NULLS FIRST
