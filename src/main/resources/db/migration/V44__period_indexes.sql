-- Figures over a period for a whole district (issue 15) read a month of activations or gate hours out of a year's:
-- by time first, not by place (the place indexes made every district-wide month read the whole year).
CREATE INDEX activation_time_idx ON activation (activated_at);
CREATE INDEX rota_duty_starts_idx ON rota_duty (starts_at);
