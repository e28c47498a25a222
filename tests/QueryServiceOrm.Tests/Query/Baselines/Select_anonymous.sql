SELECT c.id AS Id, c.city AS City, c.score AS Score, c.joined AS Joined, c.active AS Active
FROM customers AS c
ORDER BY c.id NULLS FIRST
