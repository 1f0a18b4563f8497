import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_analytics_events_event_type" AS ENUM('api_call', 'page_view');
  CREATE TYPE "public"."enum_analytics_daily_event_type" AS ENUM('api_call', 'page_view');
  CREATE TYPE "public"."enum_ai_models_status" AS ENUM('queued', 'running', 'completed', 'failed');
  CREATE TYPE "public"."enum_ai_usage_provider" AS ENUM('openai', 'google', 'replicate', 'local');
  CREATE TYPE "public"."enum_integrations_service_name" AS ENUM('google_drive', 'tradingview', 'dropbox', 'onedrive', 'github', 'gitlab', 'slack', 'discord', 'twitter', 'linkedin');
  CREATE TYPE "public"."enum_integrations_sync_status" AS ENUM('idle', 'queued', 'syncing', 'completed', 'failed');
  CREATE TABLE "analytics_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_type" "enum_analytics_events_event_type" DEFAULT 'api_call' NOT NULL,
  	"endpoint" varchar NOT NULL,
  	"method" varchar NOT NULL,
  	"status_code" numeric NOT NULL,
  	"duration_ms" numeric NOT NULL,
  	"user_id" integer,
  	"error_message" varchar,
  	"occurred_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "analytics_daily" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" timestamp(3) with time zone NOT NULL,
  	"event_type" "enum_analytics_daily_event_type" NOT NULL,
  	"endpoint" varchar NOT NULL,
  	"method" varchar NOT NULL,
  	"user_id" integer,
  	"calls" numeric NOT NULL,
  	"errors" numeric NOT NULL,
  	"avg_ms" numeric NOT NULL,
  	"min_ms" numeric NOT NULL,
  	"max_ms" numeric NOT NULL,
  	"p95_ms" numeric NOT NULL
  );
  
  CREATE TABLE "ai_models" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"model_name" varchar NOT NULL,
  	"owner_id" integer NOT NULL,
  	"model_type" varchar NOT NULL,
  	"base_model" varchar,
  	"status" "enum_ai_models_status" DEFAULT 'queued' NOT NULL,
  	"training_data" jsonb NOT NULL,
  	"parameters" jsonb,
  	"accuracy" numeric,
  	"metrics" jsonb,
  	"model" jsonb,
  	"error" varchar,
  	"started_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ai_usage" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"provider" "enum_ai_usage_provider" NOT NULL,
  	"model_id" varchar NOT NULL,
  	"status_code" numeric NOT NULL,
  	"error" varchar,
  	"prompt_tokens" numeric,
  	"completion_tokens" numeric,
  	"total_tokens" numeric,
  	"latency_ms" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "integrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer NOT NULL,
  	"service_name" "enum_integrations_service_name" NOT NULL,
  	"connected" boolean DEFAULT true,
  	"access_token_enc" varchar NOT NULL,
  	"refresh_token_enc" varchar,
  	"token_expires_at" timestamp(3) with time zone,
  	"config" jsonb,
  	"account" jsonb,
  	"sync_status" "enum_integrations_sync_status" DEFAULT 'idle' NOT NULL,
  	"items_synced" numeric DEFAULT 0,
  	"sync_progress" jsonb,
  	"synced_refs" jsonb,
  	"last_sync" timestamp(3) with time zone,
  	"error_message" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "analytics_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "analytics_daily_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ai_models_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ai_usage_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "integrations_id" integer;
  ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ai_models" ADD CONSTRAINT "ai_models_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "integrations" ADD CONSTRAINT "integrations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "analytics_events_user_idx" ON "analytics_events" USING btree ("user_id");
  CREATE INDEX "analytics_events_occurred_at_idx" ON "analytics_events" USING btree ("occurred_at");
  CREATE INDEX "user_occurred_at_idx" ON "analytics_events" USING btree ("user_id","occurred_at");
  CREATE INDEX "analytics_daily_day_idx" ON "analytics_daily" USING btree ("day");
  CREATE INDEX "analytics_daily_user_idx" ON "analytics_daily" USING btree ("user_id");
  CREATE INDEX "ai_models_owner_idx" ON "ai_models" USING btree ("owner_id");
  CREATE INDEX "ai_models_status_idx" ON "ai_models" USING btree ("status");
  CREATE INDEX "ai_models_updated_at_idx" ON "ai_models" USING btree ("updated_at");
  CREATE INDEX "ai_models_created_at_idx" ON "ai_models" USING btree ("created_at");
  CREATE UNIQUE INDEX "owner_model_name_idx" ON "ai_models" USING btree ("owner_id","model_name");
  CREATE INDEX "ai_usage_user_idx" ON "ai_usage" USING btree ("user_id");
  CREATE INDEX "ai_usage_provider_idx" ON "ai_usage" USING btree ("provider");
  CREATE INDEX "ai_usage_updated_at_idx" ON "ai_usage" USING btree ("updated_at");
  CREATE INDEX "ai_usage_created_at_idx" ON "ai_usage" USING btree ("created_at");
  CREATE INDEX "user_provider_idx" ON "ai_usage" USING btree ("user_id","provider");
  CREATE INDEX "integrations_owner_idx" ON "integrations" USING btree ("owner_id");
  CREATE INDEX "integrations_updated_at_idx" ON "integrations" USING btree ("updated_at");
  CREATE INDEX "integrations_created_at_idx" ON "integrations" USING btree ("created_at");
  CREATE UNIQUE INDEX "owner_service_name_idx" ON "integrations" USING btree ("owner_id","service_name");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_analytics_events_fk" FOREIGN KEY ("analytics_events_id") REFERENCES "public"."analytics_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_analytics_daily_fk" FOREIGN KEY ("analytics_daily_id") REFERENCES "public"."analytics_daily"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ai_models_fk" FOREIGN KEY ("ai_models_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ai_usage_fk" FOREIGN KEY ("ai_usage_id") REFERENCES "public"."ai_usage"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_integrations_fk" FOREIGN KEY ("integrations_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_analytics_events_id_idx" ON "payload_locked_documents_rels" USING btree ("analytics_events_id");
  CREATE INDEX "payload_locked_documents_rels_analytics_daily_id_idx" ON "payload_locked_documents_rels" USING btree ("analytics_daily_id");
  CREATE INDEX "payload_locked_documents_rels_ai_models_id_idx" ON "payload_locked_documents_rels" USING btree ("ai_models_id");
  CREATE INDEX "payload_locked_documents_rels_ai_usage_id_idx" ON "payload_locked_documents_rels" USING btree ("ai_usage_id");
  CREATE INDEX "payload_locked_documents_rels_integrations_id_idx" ON "payload_locked_documents_rels" USING btree ("integrations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "analytics_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "analytics_daily" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ai_models" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ai_usage" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "integrations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "analytics_events" CASCADE;
  DROP TABLE "analytics_daily" CASCADE;
  DROP TABLE "ai_models" CASCADE;
  DROP TABLE "ai_usage" CASCADE;
  DROP TABLE "integrations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_analytics_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_analytics_daily_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ai_models_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ai_usage_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_integrations_fk";
  
  DROP INDEX "payload_locked_documents_rels_analytics_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_analytics_daily_id_idx";
  DROP INDEX "payload_locked_documents_rels_ai_models_id_idx";
  DROP INDEX "payload_locked_documents_rels_ai_usage_id_idx";
  DROP INDEX "payload_locked_documents_rels_integrations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "analytics_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "analytics_daily_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ai_models_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ai_usage_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "integrations_id";
  DROP TYPE "public"."enum_analytics_events_event_type";
  DROP TYPE "public"."enum_analytics_daily_event_type";
  DROP TYPE "public"."enum_ai_models_status";
  DROP TYPE "public"."enum_ai_usage_provider";
  DROP TYPE "public"."enum_integrations_service_name";
  DROP TYPE "public"."enum_integrations_sync_status";`)
}
