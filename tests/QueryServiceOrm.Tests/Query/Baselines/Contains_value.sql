SELECT COALESCE('Paris' IN (
    SELECT c.city
    FROM customers AS c
), FALSE)
