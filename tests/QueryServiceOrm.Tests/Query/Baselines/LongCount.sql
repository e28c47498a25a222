SELECT count(*)
FROM orders AS o
