-- Chinese text search without extensions: every pair of adjacent letters, digits or CJK
-- characters becomes a token, and a GIN index on the token array answers "contains all the
-- bigrams of the search term". That finds 2-character terms such as 透支 or 负数, which a
-- trigram index cannot. Callers recheck the match with ILIKE to drop false positives.
CREATE OR REPLACE FUNCTION bd_search_tokens(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT token), '{}'::text[])
  FROM (
    SELECT substr(s, i, 2) AS token
    FROM (SELECT lower(coalesce(input, '')) AS s) AS src, generate_series(1, length(s) - 1) AS i
  ) AS pairs
  WHERE token ~ '^[a-z0-9一-鿿]{2}$'
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION members_search_tokens_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_tokens := bd_search_tokens(NEW.name);
  RETURN NEW;
END
$$;--> statement-breakpoint

CREATE TRIGGER members_search_tokens
BEFORE INSERT OR UPDATE OF name ON members
FOR EACH ROW EXECUTE FUNCTION members_search_tokens_refresh();--> statement-breakpoint

CREATE OR REPLACE FUNCTION enquiries_search_tokens_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_tokens := bd_search_tokens(
    coalesce(NEW.description, '') || ' ' ||
    coalesce((SELECT name FROM members WHERE id = NEW.member_id), '')
  );
  RETURN NEW;
END
$$;--> statement-breakpoint

CREATE TRIGGER enquiries_search_tokens
BEFORE INSERT OR UPDATE OF description, member_id ON enquiries
FOR EACH ROW EXECUTE FUNCTION enquiries_search_tokens_refresh();--> statement-breakpoint

-- A renamed member's enquiries must be found under the new name.
CREATE OR REPLACE FUNCTION members_rename_refresh_enquiries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enquiries SET description = description WHERE member_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER members_rename_refresh_enquiries
AFTER UPDATE OF name ON members
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION members_rename_refresh_enquiries();--> statement-breakpoint

UPDATE members SET name = name;--> statement-breakpoint
UPDATE enquiries SET description = description;
