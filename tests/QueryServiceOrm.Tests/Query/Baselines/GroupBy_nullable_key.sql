SELECT c.tier AS Key, CAST(count(*) AS int) AS N
FROM customers AS c
GROUP BY c.tier
ORDER BY c.tier NULLS FIRST
