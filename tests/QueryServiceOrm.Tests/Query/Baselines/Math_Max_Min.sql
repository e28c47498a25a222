SELECT GREATEST(o.amount, 250) AS Hi, LEAST(o.amount, 250) AS Lo
FROM orders AS o
ORDER BY o.id NULLS FIRST
