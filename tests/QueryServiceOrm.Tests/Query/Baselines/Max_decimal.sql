SELECT max(o.amount)
FROM orders AS o
