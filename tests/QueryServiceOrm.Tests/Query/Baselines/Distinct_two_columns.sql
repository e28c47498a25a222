SELECT DISTINCT c.tier AS Tier, c.active AS Active
FROM customers AS c
