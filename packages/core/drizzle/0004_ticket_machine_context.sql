ALTER TABLE "tickets" ADD COLUMN "machine_context" jsonb;--> statement-breakpoint
CREATE INDEX "tickets_machine_updated_at_idx" ON "tickets" USING btree ("machine_id","updated_at");