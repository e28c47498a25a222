SELECT min(o.placed)
FROM orders AS o
