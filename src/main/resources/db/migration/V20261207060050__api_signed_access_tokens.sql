-- Access tokens are JWTs signed with a key derived from the API secret key (api/internal/AccessTokens):
-- issuing one writes nothing and a call reads only its credential. The stored tokens go; a client holding
-- one gets 401 invalid_token and asks for a new token, as it does when a token expires.
DROP TABLE api_access_tokens;
