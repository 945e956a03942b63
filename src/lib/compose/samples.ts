/** Sample compose files for the splitter UI: each holds inline secrets of a typical homelab stack. */

export interface ComposeSample {
  id: string;
  title: string;
  description: string;
  compose: string;
}

const DATABASE_APP = `# Paperless-ngx with PostgreSQL and Redis
services:
  broker:
    image: docker.io/library/redis:7
    restart: unless-stopped
    volumes:
      - redisdata:/data

  db:
    image: docker.io/library/postgres:16
    restart: unless-stopped
    volumes:
      - pgdata:/var/lib/postgresql/data
    environment:
      POSTGRES_DB: paperless
      POSTGRES_USER: paperless
      POSTGRES_PASSWORD: Tr1cky$$Pass#word # $$ is how compose spells a literal $

  webserver:
    image: ghcr.io/paperless-ngx/paperless-ngx:2.14
    restart: unless-stopped
    depends_on: [db, broker]
    ports:
      - "127.0.0.1:8000:8000" # NPM on this host reaches it; nothing else does
    volumes:
      - data:/usr/src/paperless/data
      - media:/usr/src/paperless/media
    environment:
      PAPERLESS_REDIS: redis://broker:6379
      PAPERLESS_DBHOST: db
      PAPERLESS_DBPASS: Tr1cky$$Pass#word
      PAPERLESS_SECRET_KEY: 'b2Xq9vL7rT4mZ8pK1sW6yN3cF5hJ0dGa'
      PAPERLESS_URL: https://paperless.home.example
      PAPERLESS_TIME_ZONE: Europe/Berlin
      PAPERLESS_OCR_LANGUAGE: deu+eng
      PAPERLESS_ADMIN_USER: admin
      PAPERLESS_ADMIN_PASSWORD: "correct horse battery staple"

volumes:
  data:
  media:
  pgdata:
  redisdata:
`;

const VAULTWARDEN = `# Vaultwarden behind a reverse proxy
services:
  vaultwarden:
    image: vaultwarden/server:1.34.1
    container_name: vaultwarden
    restart: unless-stopped
    environment:
      DOMAIN: "https://vault.home.example"
      SIGNUPS_ALLOWED: "false"
      # Argon2 hash printed by \`vaultwarden hash\`; inline, every $ has to be doubled
      ADMIN_TOKEN: '$$argon2id$$v=19$$m=65540,t=3,p=4$$bXBGMENBZUVzT3VUSFErTzQzK25Jck1BN2Z0amFuWjdSdVlIQVZqYzAzYz0$$T9m73OdD2mz9+aJKLuOAdbvoARdaKxtOZ+jZcSL9/N0'
      SMTP_HOST: smtp.mail.example
      SMTP_FROM: vault@home.example
      SMTP_USERNAME: vault@home.example
      SMTP_PASSWORD: "s3cr3t-SMTP-pa55"
      PUSH_ENABLED: "true"
      PUSH_INSTALLATION_ID: 3b7c8f0e-1d2a-4c5b-9e6f-7a8b9c0d1e2f
      PUSH_INSTALLATION_KEY: Kx7pQ2mVn9ZrT4wB8sL1
    volumes:
      - ./vw-data/:/data/
    ports:
      - 127.0.0.1:8080:80
`;

const AUTHELIA = `# Authelia with a PostgreSQL storage backend
x-common-env: &common-env
  TZ: Europe/Berlin

services:
  authelia:
    image: authelia/authelia:4.39
    container_name: authelia
    restart: unless-stopped
    volumes:
      - ./authelia/config:/config
    environment:
      <<: *common-env
      X_AUTHELIA_CONFIG_FILTERS: template
      AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET: 4Fq9zL2xR7mT1vK8pW3sN6yB0cH5jD2g
      AUTHELIA_SESSION_SECRET: pQ8rT3vW6yZ1bC4eF7hJ0kM2nP5sU8xA
      AUTHELIA_STORAGE_ENCRYPTION_KEY: a9B8c7D6e5F4g3H2i1J0k9L8m7N6o5P4q3R2
      AUTHELIA_STORAGE_POSTGRES_PASSWORD: Sup3r-secret!pg
      AUTHELIA_NOTIFIER_SMTP_PASSWORD: "mail-Pa55word"
    depends_on:
      - authelia-db

  authelia-db:
    image: postgres:16-alpine
    restart: unless-stopped
    environment:
      - TZ=Europe/Berlin
      - POSTGRES_DB=authelia
      - POSTGRES_USER=authelia
      - POSTGRES_PASSWORD=Sup3r-secret!pg
    volumes:
      - ./authelia/db:/var/lib/postgresql/data
`;

export const samples: readonly ComposeSample[] = [
  {
    id: 'database-app',
    title: 'Paperless-ngx with PostgreSQL',
    description: 'A database and an app that share one password under two keys, a Django secret key and an admin password.',
    compose: DATABASE_APP,
  },
  {
    id: 'vaultwarden',
    title: 'Vaultwarden with an Argon2 admin token',
    description: 'An ADMIN_TOKEN hash full of $ signs, which .env must keep in single quotes, plus SMTP and push credentials.',
    compose: VAULTWARDEN,
  },
  {
    id: 'authelia',
    title: 'Authelia and its secrets',
    description:
      'Session, JWT and storage-encryption secrets next to settings merged from an x- anchor, and a list-form database password.',
    compose: AUTHELIA,
  },
];
