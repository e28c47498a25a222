SELECT DISTINCT c.tier
FROM customers AS c
