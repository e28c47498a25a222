SELECT avg(c.score)
FROM customers AS c
