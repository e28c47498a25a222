CREATE TABLE write_shapes (Id bigint, Status text, tagged ROW(name text, tags ARRAY<text>, scores ARRAY<bigint>))
