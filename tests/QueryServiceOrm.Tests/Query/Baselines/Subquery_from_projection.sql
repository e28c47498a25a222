SELECT o.customer_id AS Key, CAST(count(*) AS int) AS N
FROM orders AS o
WHERE o.amount > 250
GROUP BY o.customer_id
ORDER BY o.customer_id NULLS FIRST
