create database dialoog_engagement;
create database dialoog_session;
create database dialoog_feedback;
