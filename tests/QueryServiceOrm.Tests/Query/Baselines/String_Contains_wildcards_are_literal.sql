SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%\\%\\_%'
