SELECT abs(250 - o.amount)
FROM orders AS o
ORDER BY o.id NULLS FIRST
