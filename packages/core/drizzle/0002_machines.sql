CREATE TABLE "enrollment_secrets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"label" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"use_count" integer DEFAULT 0 NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "enrollment_secrets_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "machine_inventories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"machine_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machine_inventory_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"machine_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machine_metrics" (
	"machine_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"metrics" jsonb NOT NULL,
	CONSTRAINT "machine_metrics_machine_id_bucket_pk" PRIMARY KEY("machine_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "machine_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"machine_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "machine_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "machines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"hostname" text NOT NULL,
	"os_name" text NOT NULL,
	"os_version" text NOT NULL,
	"os_build" text,
	"os_arch" text NOT NULL,
	"agent_version" text NOT NULL,
	"fingerprint" text NOT NULL,
	"fingerprint_rule" text NOT NULL,
	"identifiers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"latest_metrics" jsonb,
	"logged_in_user" text,
	"online" boolean DEFAULT false NOT NULL,
	"status_changed_at" timestamp with time zone,
	CONSTRAINT "machines_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "enrollment_secrets" ADD CONSTRAINT "enrollment_secrets_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_secrets" ADD CONSTRAINT "enrollment_secrets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_inventories" ADD CONSTRAINT "machine_inventories_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_inventory_changes" ADD CONSTRAINT "machine_inventory_changes_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_metrics" ADD CONSTRAINT "machine_metrics_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_tokens" ADD CONSTRAINT "machine_tokens_machine_id_machines_id_fk" FOREIGN KEY ("machine_id") REFERENCES "public"."machines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machines" ADD CONSTRAINT "machines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machines" ADD CONSTRAINT "machines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_secrets_company_idx" ON "enrollment_secrets" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "machine_inventories_machine_idx" ON "machine_inventories" USING btree ("machine_id","created_at");--> statement-breakpoint
CREATE INDEX "machine_inventory_changes_machine_idx" ON "machine_inventory_changes" USING btree ("machine_id","id");--> statement-breakpoint
CREATE INDEX "machine_metrics_bucket_idx" ON "machine_metrics" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "machine_tokens_machine_idx" ON "machine_tokens" USING btree ("machine_id","created_at");--> statement-breakpoint
CREATE INDEX "machine_tokens_active_idx" ON "machine_tokens" USING btree ("machine_id") WHERE "machine_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "machines_company_fingerprint_idx" ON "machines" USING btree ("company_id","fingerprint");--> statement-breakpoint
CREATE INDEX "machines_company_hostname_idx" ON "machines" USING btree ("company_id","hostname");